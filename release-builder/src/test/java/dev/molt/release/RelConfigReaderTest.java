package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.format.UpgradeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelConfigReaderTest {
  @TempDir Path dir;

  private RelConfig read(String json) throws Exception {
    Path file = dir.resolve("molt.json");
    Files.writeString(file, json);
    return RelConfigReader.read(file);
  }

  @Test
  void read_initTemplate_givesDevAndProd() throws Exception {
    new ReleaseBuilder(s -> {}).init(dir, "book_app");
    RelConfig c = RelConfigReader.read(dir.resolve("molt.json"));
    assertThat(c.name()).contains("book_app");
    assertThat(c.environments().get("dev").devMode()).isTrue();
    assertThat(c.environments().get("dev").includeRuntime()).isFalse();
    assertThat(c.environments().get("prod").includeRuntime()).isTrue();
    assertThat(c.environments().get("prod").jvmOptions()).isEqualTo("jvm.options");
    assertThat(c.runtime().cds()).isTrue();
    assertThat(c.runtime().modules()).isEmpty();
  }

  @Test
  void read_unknownTopLevelKey_namesFileFieldAndKnownKeys() {
    assertThatThrownBy(() -> read("{\"schema\": 1, \"nmae\": \"x\"}"))
        .isInstanceOf(InvalidRelConfigException.class)
        .hasMessageContaining("molt.json")
        .hasMessageContaining("[nmae]")
        .hasMessageContaining("known keys: [args, commands, environments, name, runtime, schema,"
            + " upgrade]");
  }

  @Test
  void read_unknownEnvironmentKey_namesThePath() {
    assertThatThrownBy(() -> read("{\"schema\": 1, \"environments\": {\"prod\": {\"devmode\": true}}}"))
        .hasMessageContaining("environments.prod has unknown key(s) [devmode]")
        .hasMessageContaining("devMode");
  }

  @Test
  void read_wrongType_namesFieldAndExpectedType() {
    assertThatThrownBy(() -> read("{\"schema\": 1, \"environments\": {\"prod\": {\"devMode\": \"no\"}}}"))
        .isInstanceOf(InvalidRelConfigException.class)
        .hasMessageContaining("environments.prod.devMode must be true or false, not string");
    assertThatThrownBy(() -> read("{\"schema\": 1, \"runtime\": {\"addModules\": \"java.sql\"}}"))
        .hasMessageContaining("runtime.addModules must be an array of strings");
    assertThatThrownBy(() -> read("{\"schema\": 1, \"runtime\": {\"modules\": [\"java.base\", 3]}}"))
        .hasMessageContaining("runtime.modules[1] must be a string");
  }

  @Test
  void read_upgradeBounds_defaultWhenAbsent_andAreValidated() throws Exception {
    assertThat(read("{\"schema\": 1}").upgrade()).isEqualTo(UpgradeSettings.DEFAULTS);
    assertThat(read("{\"schema\": 1, \"upgrade\": {\"update_pause_ms\": 250}}").upgrade())
        .isEqualTo(new UpgradeSettings(250, UpgradeSettings.DEFAULTS.updateDrainMs()));
    assertThatThrownBy(() -> read("{\"schema\": 1, \"upgrade\": {\"update_pause_ms\": -5}}"))
        .isInstanceOf(InvalidRelConfigException.class)
        .hasMessageContaining("upgrade.update_pause_ms must be a whole number of milliseconds"
            + " from 1 to 600000, not -5");
    assertThatThrownBy(() -> read("{\"schema\": 1, \"upgrade\": {\"update_drain_ms\": \"5s\"}}"))
        .hasMessageContaining("upgrade.update_drain_ms must be a whole number");
    assertThatThrownBy(() -> read("{\"schema\": 1, \"upgrade\": {\"pause\": 1}}"))
        .hasMessageContaining("upgrade has unknown key(s) [pause]");
  }

  @Test
  void read_wrongSchema_fails() {
    assertThatThrownBy(() -> read("{\"schema\": 2}")).hasMessageContaining("schema must be 1");
  }

  @Test
  void read_commandsAndExplicitModules() throws Exception {
    RelConfig c = read("{\"schema\": 1, \"runtime\": {\"modules\": [\"java.base\"], \"cds\": false},"
        + " \"commands\": {\"seed\": {\"description\": \"load books\"}}}");
    assertThat(c.runtime().modules()).contains(java.util.List.of("java.base"));
    assertThat(c.runtime().cds()).isFalse();
    assertThat(c.commands()).containsEntry("seed", "load books");
  }

  @Test
  void read_jvmOptionsOutsideRel_isRejected() {
    assertThatThrownBy(() -> read("{\"schema\": 1, \"environments\": {\"prod\": {\"jvmOptions\": \"../x\"}}}"))
        .hasMessageContaining("environments.prod.jvmOptions must be the name of a file in rel/");
  }

  @Test
  void read_notJson_saysWhere() {
    assertThatThrownBy(() -> read("{\"schema\": 1,,}")).hasMessageContaining("not valid JSON");
  }

  @Test
  void read_missingFile_suggestsInit() {
    assertThatThrownBy(() -> RelConfigReader.read(dir.resolve("nope.json")))
        .hasMessageContaining("molt init");
  }

  @Test
  void read_trial_http_withDefaultInterval() throws Exception {
    RelConfig c = read("{\"schema\": 1, \"upgrade\": {\"trial\": {\"http\":"
        + " \"http://127.0.0.1:${PORT}/health\", \"seconds\": 30}}}");
    assertThat(c.trial()).contains(new dev.molt.format.TrialCheck(
        dev.molt.format.TrialCheck.Kind.HTTP, "http://127.0.0.1:${PORT}/health", 30, 1000));
    assertThat(read("{\"schema\": 1}").trial()).isEmpty();
  }

  @Test
  void read_trial_twoChecksOrNone_isRejectedWithTheChoices() {
    assertThatThrownBy(() -> read("{\"schema\": 1, \"upgrade\": {\"trial\": {\"http\":"
        + " \"http://x/\", \"hook\": \"h.sh\", \"seconds\": 3}}}"))
        .isInstanceOf(InvalidRelConfigException.class)
        .hasMessageContaining("upgrade.trial needs exactly one of \"http\"")
        .hasMessageContaining("not 2 of them");
    assertThatThrownBy(() -> read("{\"schema\": 1, \"upgrade\": {\"trial\": {\"seconds\": 3}}}"))
        .hasMessageContaining("not none");
  }

  @Test
  void read_trial_badValues_nameTheFieldAndTheRule() {
    assertThatThrownBy(() -> read("{\"schema\": 1, \"upgrade\": {\"trial\": {\"rpc\":"
        + " \"book_app\", \"seconds\": 3}}}"))
        .hasMessageContaining("upgrade.trial is invalid: trial rpc must be \"<app> <class>.<method>\"");
    assertThatThrownBy(() -> read("{\"schema\": 1, \"upgrade\": {\"trial\": {\"hook\":"
        + " \"../x.sh\", \"seconds\": 3}}}"))
        .hasMessageContaining("trial hook must be the file name of a .sh script");
    assertThatThrownBy(() -> read("{\"schema\": 1, \"upgrade\": {\"trial\": {\"http\":"
        + " \"http://x/\", \"seconds\": \"10\"}}}"))
        .hasMessageContaining("upgrade.trial.seconds must be a whole number of seconds");
    assertThatThrownBy(() -> read("{\"schema\": 1, \"upgrade\": {\"trial\": {\"http\":"
        + " \"http://x/\", \"seconds\": 0}}}"))
        .hasMessageContaining("trial seconds must be 1 to 3600, not 0");
    assertThatThrownBy(() -> read("{\"schema\": 1, \"upgrade\": {\"trial\": {\"http\":"
        + " \"ftp://x/\", \"seconds\": 5, \"interval_ms\": 10}}}"))
        .hasMessageContaining("trial interval_ms must be 100 to 60000, not 10");
    assertThatThrownBy(() -> read("{\"schema\": 1, \"upgrade\": {\"trail\": {}}}"))
        .hasMessageContaining("upgrade has unknown key(s) [trail]");
  }
}
