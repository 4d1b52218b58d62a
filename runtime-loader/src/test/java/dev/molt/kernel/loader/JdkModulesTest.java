package dev.molt.kernel.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class JdkModulesTest {
  @Test
  void missingModuleHint_classOfAnUnlinkedModule_namesTheModuleAndWhereToAddIt() {
    assertThat(JdkModules.missingModuleHint("java.beans.Introspector", module -> false))
        .hasValue("its package belongs to JDK module java.desktop, which this release's runtime"
            + " was not linked with; add \"java.desktop\" to runtime.addModules in rel/molt.json"
            + " and build the release again");
    assertThat(JdkModules.missingModuleHint("sun.misc.Unsafe", module -> false))
        .hasValueSatisfying(hint -> assertThat(hint).contains("jdk.unsupported"));
  }

  @Test
  void missingModuleHint_linkedModuleOrAppClass_givesNone() {
    assertThat(JdkModules.missingModuleHint("java.beans.Introspector", module -> true)).isEmpty();
    assertThat(JdkModules.missingModuleHint("org.springframework.Missing", module -> false)).isEmpty();
    assertThat(JdkModules.missingModuleHint("NoPackage", module -> false)).isEmpty();
  }

  @Test
  void jdkModulesTxt_listsEveryExportedPackageOfTheRunningJdk17() {
    Assumptions.assumeTrue(Runtime.version().feature() == 17,
        "jdk-modules.txt is generated from JDK 17's modules; this JVM is " + Runtime.version());
    for (ModuleReference ref : ModuleFinder.ofSystem().findAll()) {
      ModuleDescriptor module = ref.descriptor();
      for (ModuleDescriptor.Exports export : module.exports()) {
        if (!export.isQualified()) {
          assertThat(JdkModules.moduleOf(export.source())).as(export.source())
              .hasValue(module.name());
        }
      }
    }
  }

  @Test
  void appClassLoader_classNotFound_forAnAppClass_hasNoModuleHint() throws Exception {
    try (AppClassLoader loader = new AppClassLoader("app-1", java.util.List.of(),
        java.util.List.of(), JdkAndApiLoader.create())) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> loader.loadClass("app.Missing"))
          .isInstanceOf(ClassNotFoundException.class)
          .hasMessage("app.Missing (in class loader app-1)");
    }
  }
}
