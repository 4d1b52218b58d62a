package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbstractUpgradeMojoTest {

  @Test
  void inMavenTerms_messageNamingCliOptions_saysWhichParametersTheyAre() {
    assertThat(AbstractUpgradeMojo.inMavenTerms("not newer; swap --from and --to"))
        .isEqualTo("not newer; swap --from and --to (--from is -Dmolt.upfrom, --to is -Dmolt.to)");
    assertThat(AbstractUpgradeMojo.inMavenTerms("release 0.1.0 is given twice as --from"))
        .endsWith("(--from is -Dmolt.upfrom)");
  }

  @Test
  void inMavenTerms_messageWithoutCliOptions_isUnchanged() {
    assertThat(AbstractUpgradeMojo.inMavenTerms("jar a.jar is not a valid jar"))
        .isEqualTo("jar a.jar is not a valid jar");
  }
}
