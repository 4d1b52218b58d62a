package dev.molt.appup;

import dev.molt.appup.error.AppupException;
import dev.molt.appup.error.InvalidRequestException;
import dev.molt.appup.input.LoadedRelease;
import dev.molt.appup.override.Overrides;
import dev.molt.appup.pack.PackageSigning;
import dev.molt.appup.pack.UpgradePackageWriter;
import dev.molt.appup.plan.AppPlan;
import dev.molt.appup.plan.Plan;
import dev.molt.appup.plan.UpgradePath;
import dev.molt.appup.plan.UpgradePlanner;
import dev.molt.appup.report.PlanReport;
import dev.molt.appup.report.UnchangedApps;
import dev.molt.format.Appup;
import dev.molt.format.UpgradeFormats;
import dev.molt.signature.SshKeyPair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The front door of the appup compiler: compiles the upgrade plan between earlier releases and a
 * new one, writes appups (for editing in {@code rel/appups/}), the relup, a plan for humans, and
 * upgrade packages.
 *
 * <p>All methods take and return plain JDK and Molt types, never null; they are thread-safe.
 * Failures are {@link AppupException}s whose subclasses name the cause; a failed call leaves no
 * partial output behind.
 */
public final class AppupCompiler {
  private AppupCompiler() {}

  /** Compiles the plan from each release of {@code request.from()} to {@code request.to()}. */
  public static Plan plan(PlanRequest request) throws AppupException {
    try (Releases releases = Releases.open(request)) {
      return plan(releases, request);
    }
  }

  /**
   * Writes the appup of every app that has instructions, for every path of {@code plan}, to
   * {@code dir/<app>/<from>-<to>.json}, and returns the files written. Files already there are
   * replaced: when {@code dir} is the override directory the plan was compiled with, they are
   * rewritten with the same content.
   */
  public static List<Path> writeAppups(Plan plan, Path dir) throws IOException {
    List<Appup> appups = new ArrayList<>();
    for (UpgradePath path : plan.paths()) {
      path.apps().stream().map(AppPlan::appup).flatMap(Optional::stream).forEach(appups::add);
    }
    List<Path> written = new ArrayList<>();
    for (Appup a : appups) {
      Path file = Overrides.file(dir, a.app(), a.from(), a.to());
      UpgradeFormats.writeAppup(file, a);
      written.add(file);
    }
    return written;
  }

  /** Writes the relup of {@code plan} to {@code file} (atomically). */
  public static Path writeRelup(Plan plan, Path file) throws IOException {
    UpgradeFormats.writeRelup(file, plan.relup());
    return file;
  }

  /**
   * The plan for humans: per path and app, what changes, which instruction, why, the risk; every
   * unchanged app listed.
   */
  public static String describe(Plan plan) {
    return PlanReport.render(plan);
  }

  /** As {@link #describe(Plan)}, with the unchanged apps listed or only counted. */
  public static String describe(Plan plan, UnchangedApps unchanged) {
    return PlanReport.render(plan, unchanged);
  }

  /**
   * Compiles the plan and writes {@code <outDir>/<name>-<vsn>-upgrade.tar.gz} with its
   * {@code .sha256}: the new {@code releases/<vsn>/} with the relup, the {@code lib/} directories
   * some earlier release lacks, and a checksum list. Identical inputs give identical bytes.
   */
  public static UpgradePackageResult upgradePackage(PlanRequest request, Path outDir)
      throws AppupException {
    return upgradePackage(request, outDir, Optional.empty());
  }

  /**
   * As {@link #upgradePackage(PlanRequest, Path)}, and signs the package with the Ed25519 private
   * key in {@code signingKey} (an unencrypted OpenSSH key file) into {@code <package>.sig}. The key
   * is read before anything is written. Without a key, a {@code .sig} left by an earlier run is
   * removed, since it would not match the new package.
   *
   * @throws dev.molt.appup.error.SigningKeyException when the key cannot be used or the signature
   *     not written (nothing is left behind then)
   */
  public static UpgradePackageResult upgradePackage(PlanRequest request, Path outDir, Optional<Path> signingKey)
      throws AppupException {
    Optional<SshKeyPair> key = signingKey.isPresent()
        ? Optional.of(PackageSigning.readKey(signingKey.get())) : Optional.empty();
    if (request.from().isEmpty()) {
      throw new InvalidRequestException("an upgrade package needs at least one earlier release to "
          + "upgrade from; pass it with --from <dir|tarball> (-Dmolt.upfrom)");
    }
    try (Releases releases = Releases.open(request)) {
      Plan plan = plan(releases, request);
      UpgradePackageWriter.Written w = UpgradePackageWriter.write(releases.to(), releases.from(), plan, outDir);
      return new UpgradePackageResult(w.tarball(), w.checksum(), PackageSigning.sign(w, key), plan);
    }
  }

  private static Plan plan(Releases releases, PlanRequest request) throws AppupException {
    Overrides overrides = request.overrides().map(Overrides::in).orElse(Overrides.none());
    List<UpgradePath> paths = new ArrayList<>();
    for (LoadedRelease from : releases.from()) {
      paths.add(UpgradePlanner.plan(from, releases.to(), overrides));
    }
    return new Plan(releases.to().name(), releases.to().version(), paths);
  }
}
