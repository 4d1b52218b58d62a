package dev.molt.release;

import dev.molt.format.EntryPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small release request: an app with a main class, two libraries, a fake kernel. */
final class TestReleases {
  private TestReleases() {}

  static ReleaseRequest request(Path dir, String env) throws IOException, ReleaseBuildException {
    Path rel = dir.resolve("rel");
    new ReleaseBuilder(s -> {}).init(rel, "shop");
    // "bare" is prod without the jlink runtime: fast, and still archived.
    java.nio.file.Files.writeString(rel.resolve("molt.json"), """
        {"schema": 1, "name": "shop",
         "environments": {"dev": {"devMode": true, "includeRuntime": false},
                          "bare": {"devMode": false, "includeRuntime": false},
                          "prod": {"devMode": false, "includeRuntime": true}},
         "runtime": {"cds": true}}
        """);
    Path app = TestJars.jar(dir.resolve("in/shop-1.0.jar"),
        Map.of("shop.Main", TestJars.type("shop.Main", "java/lang/Object", true)));
    Path json = TestJars.library(dir.resolve("in/json-2.1.jar"), "json.Parser");
    Path util = TestJars.library(dir.resolve("in/util-3.0.jar"), "util.Strings");
    List<AppInput> apps = new ArrayList<>();
    apps.add(new AppInput("shop", "1.0", Optional.of("com.example:shop:1.0"), List.of(app),
        List.of("json", "util"), Optional.of(new EntryPoint(EntryPoint.Kind.MAIN, "shop.Main"))));
    apps.add(new AppInput("util", "3.0", Optional.empty(), List.of(util), List.of(), Optional.empty()));
    apps.add(new AppInput("json", "2.1", Optional.empty(), List.of(json), List.of("util"), Optional.empty()));
    return new ReleaseRequest("shop", "1.0", env, rel, dir.resolve("target"), apps, fakeKernel(dir), Optional.empty());
  }

  static KernelInput fakeKernel(Path dir) throws IOException {
    Path loader = TestJars.library(dir.resolve("kernel/molt-runtime-loader-0.1.0.jar"), "dev.molt.kernel.Main");
    Path format = TestJars.library(dir.resolve("kernel/molt-format-0.1.0.jar"), "dev.molt.format.X");
    return new KernelInput("0.1.0", List.of(loader, format));
  }

  static ReleaseRequest withApps(ReleaseRequest r, List<AppInput> apps) {
    return new ReleaseRequest(r.name(), r.version(), r.environment(), r.relDir(), r.outputDir(), apps,
        r.kernel(), r.jdkHome());
  }
}
