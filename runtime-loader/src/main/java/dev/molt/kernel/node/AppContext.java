package dev.molt.kernel.node;

import dev.molt.api.ApplicationContext;
import dev.molt.api.Config;
import java.nio.file.Path;

/** The {@link ApplicationContext} handed to an app's {@code start}. Immutable. */
record AppContext(
    String name,
    String version,
    String releaseName,
    String releaseVersion,
    Config config,
    Path dataDir,
    Path releaseRoot)
    implements ApplicationContext {}
