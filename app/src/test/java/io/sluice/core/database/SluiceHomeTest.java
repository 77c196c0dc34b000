package io.sluice.core.database;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SluiceHomeTest {

    private static final Path HOME = Path.of("/home/ana").toAbsolutePath();

    @ParameterizedTest(name = "{0} on {4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "/p/home | /e/home  | /xdg | /appdata | Linux      | /p/home",
            "-       | /e/home  | /xdg | /appdata | Linux      | /e/home",
            "' '     | /e/home  | /xdg | -        | Linux      | /e/home",
            "-       | -        | /xdg | -        | Linux      | /xdg/sluice",
            "-       | -        | xdg  | -        | Linux      | ~/.local/share/sluice",
            "-       | -        | -    | -        | Linux      | ~/.local/share/sluice",
            "-       | -        | /xdg | /appdata | Windows 11 | /appdata/Sluice",
            "-       | -        | -    | -        | Windows 11 | ~/AppData/Roaming/Sluice",
            "-       | -        | /xdg | -        | Mac OS X   | ~/Library/Application Support/Sluice",
            "-       | /e/home  | -    | -        | Mac OS X   | /e/home"})
    void resolvesTheDataDirectoryPropertyFirstThenEnvironmentThenPlatform(
            String property, String sluiceHome, String xdg, String appData, String os, String expected) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SLUICE_HOME", sluiceHome);
        environment.put("XDG_DATA_HOME", xdg);
        environment.put("APPDATA", appData);

        Path resolved = SluiceHome.resolve(name -> SluiceHome.PROPERTY.equals(name) ? property : null,
                environment::get, os, HOME);

        Path want = expected.startsWith("~/") ? HOME.resolve(expected.substring(2)) : Path.of(expected);
        assertThat(resolved).isEqualTo(want.toAbsolutePath());
    }
}
