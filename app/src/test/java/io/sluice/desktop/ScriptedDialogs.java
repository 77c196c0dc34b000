package io.sluice.desktop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DialogService} for view-model tests: it answers from a script (yes by default, the given reason) and
 * keeps every question asked, so a test says what the steward was asked and what happened after the answer.
 */
public final class ScriptedDialogs implements DialogService {

    /** One question as the steward saw it. */
    public record Question(String header, String text) {
    }

    private final Deque<Boolean> confirmations = new ArrayDeque<>();
    private final Deque<String> reasons = new ArrayDeque<>();
    private final Deque<List<String>> forms = new ArrayDeque<>();
    private final List<Question> asked = new ArrayList<>();
    private final List<Question> told = new ArrayList<>();
    private final List<String> confirmLabels = new ArrayList<>();
    private final List<List<String>> formsOpened = new ArrayList<>();

    /** The next confirmation is answered with no. */
    public ScriptedDialogs declineNext() {
        confirmations.add(false);
        return this;
    }

    /** The next question for a reason is answered with this text (null: cancelled). */
    public ScriptedDialogs reasonNext(String reason) {
        reasons.add(reason == null ? "" : reason);
        return this;
    }

    /** The next form is filled in with these answers, in the fields' order (none: cancelled). */
    public ScriptedDialogs formNext(String... answers) {
        forms.add(List.of(answers));
        return this;
    }

    @Override
    public boolean confirm(String header, String text, String confirmLabel) {
        asked.add(new Question(header, text));
        confirmLabels.add(confirmLabel);
        return confirmations.isEmpty() || confirmations.poll();
    }

    @Override
    public Optional<String> askReason(String header, String prompt, String initial) {
        asked.add(new Question(header, prompt));
        String reason = reasons.isEmpty() ? "" : reasons.poll();
        return reason.isBlank() ? Optional.empty() : Optional.of(reason);
    }

    @Override
    public void inform(String header, String text) {
        told.add(new Question(header, text));
    }

    /** A form not scripted is accepted as it opens, with each field's initial value. */
    @Override
    public Optional<List<String>> askForm(String header, String text, List<Field> fields, String confirmLabel) {
        asked.add(new Question(header, text));
        confirmLabels.add(confirmLabel);
        formsOpened.add(fields.stream().map(Field::initial).toList());
        List<String> answers = forms.isEmpty() ? fields.stream().map(Field::initial).toList() : forms.poll();
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers);
    }

    /** Every confirmation, reason and form asked for, in order. */
    public List<Question> asked() {
        return asked;
    }

    /** The confirming button of every confirmation and form asked for, in order: what the steward clicks to go on. */
    public List<String> confirmLabels() {
        return confirmLabels;
    }

    /** What each form asked for held when it opened, field by field in order. */
    public List<List<String>> formsOpened() {
        return formsOpened;
    }

    /** Everything the steward was told. */
    public List<Question> told() {
        return told;
    }
}
