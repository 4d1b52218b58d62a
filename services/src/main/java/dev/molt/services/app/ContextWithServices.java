package dev.molt.services.app;

import dev.molt.api.ApplicationContext;
import dev.molt.api.Config;
import dev.molt.api.Services;
import java.nio.file.Path;

/** The kernel's context of an app, with its {@link AppServices} answering {@link #services()}. */
record ContextWithServices(ApplicationContext base, Services services)
    implements ApplicationContext {

  @Override
  public String name() {
    return base.name();
  }

  @Override
  public String version() {
    return base.version();
  }

  @Override
  public String releaseName() {
    return base.releaseName();
  }

  @Override
  public String releaseVersion() {
    return base.releaseVersion();
  }

  @Override
  public Config config() {
    return base.config();
  }

  @Override
  public Path dataDir() {
    return base.dataDir();
  }

  @Override
  public Path releaseRoot() {
    return base.releaseRoot();
  }
}
