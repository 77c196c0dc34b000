package io.sluice.desktop.task;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorTextTest {

    @Test
    void keepsSluicesOwnSentence() {
        assertThat(ErrorText.sentence(SluiceException.input("The sheet 'Mixes' has no header row")))
                .isEqualTo("The sheet 'Mixes' has no header row.");
    }

    @Test
    void unwrapsToTheCauseAUserCanActOn() {
        Exception wrapped = new UncheckedIOException(new NoSuchFileException("/data/mixes.xlsx"));
        assertThat(ErrorText.sentence(wrapped)).isEqualTo("The file /data/mixes.xlsx does not exist.");
    }

    @Test
    void givesAnUnexpectedFailureASentenceWithoutAStackTrace() {
        String text = ErrorText.sentence(new IllegalStateException("row cursor closed"));
        assertThat(text).isEqualTo("Something unexpected went wrong: row cursor closed.");
        assertThat(ErrorText.details(new IllegalStateException("x"))).contains("at io.sluice.desktop");
    }
}
