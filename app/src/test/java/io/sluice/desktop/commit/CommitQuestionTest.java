package io.sluice.desktop.commit;

import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitPlan;
import io.sluice.desktop.ScriptedDialogs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommitQuestionTest {

    @Test
    void saysHowManyRowsGoWhereAndANoCommitsNothing() {
        ScriptedDialogs dialogs = new ScriptedDialogs().declineNext();

        boolean confirmed = CommitQuestion.confirmed(dialogs, 1_250, "CONCRETE_MIX", new CommitPlan(1_200, 40, 10));

        assertThat(confirmed).isFalse();
        assertThat(dialogs.asked()).singleElement().satisfies(q -> {
            assertThat(q.header()).isEqualTo("Commit 1,250 approved rows into CONCRETE_MIX?");
            assertThat(q.text()).contains("(1,200 to insert, 40 to update, 10 to skip)")
                    .contains("nothing is written");
        });
        assertThat(CommitQuestion.confirmed(dialogs, 1, "T", new CommitPlan(1, 0, 0))).isTrue();
    }

    @Test
    void callsTheRowsAnUpsertLeavesAsTheyAreUnchanged() {
        ScriptedDialogs dialogs = new ScriptedDialogs().declineNext();

        CommitQuestion.confirmed(dialogs, 50, false, "CONCRETE_MIX", new CommitPlan(0, 20, 30), ImportMode.UPSERT, "");

        assertThat(dialogs.asked()).singleElement().satisfies(q ->
                assertThat(q.text()).contains("(0 to insert, 20 to update, 30 unchanged)"));
    }
}
