package dev.molt.services.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.api.testing.FixedContext;
import dev.molt.services.app.AppServices;
import dev.molt.services.unit.ClassView;
import dev.molt.services.unit.UnitLoader;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code update} of a real service compiled in two versions ({@link TallyJars}), each loaded in
 * its own unit loader over its own jar, above an application loader over version 1's jar.
 */
class UnitUpdateTest {
  private static final Duration DRAIN = Duration.ofSeconds(5);
  private static final Duration BUDGET = Duration.ofSeconds(5);

  @TempDir Path dir;
  private Path v1;
  private Path v2;
  private URLClassLoader app;
  private AppServices services;
  private Tally tally;

  @BeforeEach
  void publishVersion1() throws Exception {
    v1 = TallyJars.v1(dir);
    v2 = TallyJars.v2(dir);
    app = TallyJars.appLoader(v1);
    services = new AppServices(new FixedContext("tally", "1"), List.of(), app);
    Class<? extends Tally> impl = Class.forName(TallyJars.SERVICE, false, app)
        .asSubclass(Tally.class);
    tally = services.publish(Tally.class, impl);
    Tally.EVENTS.clear();
  }

  @AfterEach
  void clearProperties() throws Exception {
    System.clearProperty("tally.migration");
    System.clearProperty("tally.import");
    app.close();
  }

  @Test
  void publish_loadsTheImplementationsPackageInItsOwnUnitLoader_aboveTheAppLoader() {
    Object target = services.find(Tally.class).orElseThrow().target();
    assertThat(target.getClass().getClassLoader()).isInstanceOf(UnitLoader.class);
    assertThat(target.getClass().getClassLoader().getParent()).isSameAs(app);
    ClassView view = services.classes().orElseThrow();
    assertThat(view.loaderOf(TallyJars.SERVICE)).isSameAs(target.getClass().getClassLoader());
    assertThat(view.loaderOf("demo.Other")).isSameAs(app);
    assertThat(tally.version()).isEqualTo("v1:1");
  }

  @Test
  void upgradeThenDowngrade_movesTheStateUpAndDown_andTheClassViewFollows() throws Exception {
    tally.add("a", 3);
    tally.add("b", 4);
    UnitLoader boot = services.classes().orElseThrow().unit(TallyJars.UNIT).orElseThrow();

    UnitUpdate up = update(v2, "1", "2", true);
    up.run();

    assertThat(tally.version()).isEqualTo("v2:2");
    assertThat(tally.get("a")).isEqualTo(3);
    assertThat(tally.add("a", 1)).isEqualTo(4);
    assertThat(Tally.EVENTS).containsExactly("v1 deactivate", "v2 activate");
    UnitLoader live = services.classes().orElseThrow().unit(TallyJars.UNIT).orElseThrow();
    assertThat(live).isNotSameAs(boot);
    assertThat(services.classes().orElseThrow().load(TallyJars.SERVICE))
        .isSameAs(services.find(Tally.class).orElseThrow().target().getClass());
    assertThat(Class.forName(TallyJars.SERVICE, false, services.classes().orElseThrow().loader()))
        .isSameAs(services.find(Tally.class).orElseThrow().target().getClass());
    List<String> problems = new ArrayList<>();
    assertThat(up.retire(problems)).isSameAs(boot);
    assertThat(problems).isEmpty();
    assertThat(Tally.EVENTS).endsWith("v1 dispose");

    UnitUpdate down = update(v1, "2", "1", false); // the running (newer) unit's migration, down
    down.run();

    assertThat(tally.version()).isEqualTo("v1:1");
    assertThat(tally.get("a")).isEqualTo(4);
    assertThat(tally.get("b")).isEqualTo(4);
    // rpc and eval resolve by name through the view: each time the live unit's class
    assertThat(Class.forName(TallyJars.SERVICE, false, services.classes().orElseThrow().loader()))
        .isSameAs(services.find(Tally.class).orElseThrow().target().getClass());
  }

  @Test
  void undoAfterTheSwap_movesTheStateBackThroughDown_keepingCallsMadeSince() throws Exception {
    tally.add("a", 3);
    UnitLoader boot = services.classes().orElseThrow().unit(TallyJars.UNIT).orElseThrow();
    UnitUpdate up = update(v2, "1", "2", true);
    up.run();
    tally.add("a", 10);

    assertThat(up.undo()).isEmpty();

    assertThat(tally.version()).isEqualTo("v1:1");
    assertThat(tally.get("a")).isEqualTo(13);
    assertThat(Tally.EVENTS).containsExactly("v1 deactivate", "v2 activate", "v2 deactivate",
        "v1 activate", "v2 dispose");
    assertThat(services.classes().orElseThrow().unit(TallyJars.UNIT)).containsSame(boot);
  }

  @Test
  void undoWhenDownThrows_restoresTheSnapshot_andSaysWhatWasLost() throws Exception {
    tally.add("a", 3);
    UnitUpdate up = update(v2, "1", "2", true);
    up.run();
    tally.add("a", 10);
    System.setProperty("tally.migration", "throw-down");

    String lost = up.undo();

    assertThat(lost).contains("TallyServiceMigration.down(\"1\", state) failed")
        .contains("cannot migrate down to 1").contains("what changed since is lost");
    assertThat(tally.version()).isEqualTo("v1:1");
    assertThat(tally.get("a")).isEqualTo(3);
  }

  @Test
  void aMigrationThatThrows_leavesTheOldVersionServingWithItsState() throws Exception {
    tally.add("a", 3);
    System.setProperty("tally.migration", "throw-up");

    assertRefusedAndOldServes(update(v2, "1", "2", true), "cannot migrate from 1");
  }

  @Test
  void aMigrationReturningALiveObject_isRefusedNamingWhereItIs() throws Exception {
    tally.add("a", 3);
    System.setProperty("tally.migration", "live");

    assertRefusedAndOldServes(update(v2, "1", "2", true),
        "is not plain data at state.entries: a java.lang.Thread");
  }

  @Test
  void aMigrationReturningACycle_isRefusedNamingWhereItIs() throws Exception {
    tally.add("a", 3);
    System.setProperty("tally.migration", "cycle");

    assertRefusedAndOldServes(update(v2, "1", "2", true), "has a cycle at state.entries");
  }

  @Test
  void importStateThatThrows_leavesTheOldVersionServingWithItsState() throws Exception {
    tally.add("a", 3);
    System.setProperty("tally.import", "throw");

    assertRefusedAndOldServes(update(v2, "1", "2", true), "v2 refuses this state");
  }

  @Test
  void aPauseOverItsBudget_isAbandoned_theOldVersionServesAtOnce_andTheWorkerBacksOut()
      throws Exception {
    tally.add("a", 3);
    System.setProperty("tally.migration", "slow");
    UnitUpdate up = new UnitUpdate(services, request(v2, "1", "2", true,
        Duration.ofMillis(200)));

    assertThatThrownBy(up::run).isInstanceOf(UpdateException.class)
        .hasMessageContaining("pause budget of 200 ms ran out in TallyServiceMigration.up");

    assertThat(tally.version()).isEqualTo("v1:1");
    assertThat(tally.add("a", 1)).isEqualTo(4);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Tally.EVENTS.contains("v2 dispose") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(Tally.EVENTS).contains("v1 deactivate", "v1 activate", "v2 dispose");
  }

  @Test
  void aDrainThatTimesOutBecauseACallBlocks_leavesTheOldVersionServing() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread blocked = new Thread(() -> {
      try {
        tally.hold(entered, release);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "blocked-caller");
    blocked.start();
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    UnitUpdate up = new UnitUpdate(services, new UnitUpdate.Request(TallyJars.SERVICE,
        TallyJars.UNIT, Optional.of(TallyJars.MIGRATION), List.of(TallyJars.url(v2)), "1", "2",
        true, Duration.ofMillis(200), BUDGET));
    try {
      assertThatThrownBy(up::run).isInstanceOf(UpdateException.class)
          .hasMessageContaining("did not finish within 200 ms")
          .hasMessageContaining("blocked-caller");
      assertThat(tally.version()).isEqualTo("v1:1");
      assertThat(Tally.EVENTS).containsExactly("v2 dispose"); // the old was never deactivated
    } finally {
      release.countDown();
      blocked.join(10_000);
    }
  }

  @Test
  void checkOfAVersionWhoseClassFailsVerification_refusesNamingIt_andChangesNothing()
      throws Exception {
    Path broken = TallyJars.v2WithUnverifiableClass(dir);
    Object before = services.find(Tally.class).orElseThrow().target();

    List<String> problems = UnitCheck.problems(services, new UnitUpdate.Request(
        TallyJars.SERVICE, TallyJars.UNIT, Optional.of(TallyJars.MIGRATION),
        List.of(TallyJars.url(broken)), "1", "2", true, DRAIN, BUDGET), app);

    assertThat(problems).singleElement().asString().contains("demo.unit.Broken")
        .contains("VerifyError");
    assertThat(services.find(Tally.class).orElseThrow().target()).isSameAs(before);
    assertThat(tally.version()).isEqualTo("v1:1");
    assertThat(UnitCheck.problems(services, request(v2, "1", "2", true, BUDGET), app)).isEmpty();
  }

  @Test
  void checkOfAMissingMigrationOrAServiceNotPublished_namesEach() throws Exception {
    List<String> missing = UnitCheck.problems(services, new UnitUpdate.Request(
        TallyJars.SERVICE, TallyJars.UNIT, Optional.of("demo.unit.NoSuchMigration"),
        List.of(TallyJars.url(v2)), "1", "2", true, DRAIN, BUDGET), app);
    List<String> unknown = UnitCheck.problems(services, new UnitUpdate.Request(
        "demo.unit.Other", TallyJars.UNIT, Optional.empty(),
        List.of(TallyJars.url(v2)), "1", "2", true, DRAIN, BUDGET), app);

    assertThat(missing).singleElement().asString()
        .contains("migration demo.unit.NoSuchMigration is not in");
    assertThat(unknown).singleElement().asString()
        .contains("no service with implementation demo.unit.Other is published");
  }

  @Test
  void concurrentCallersDuringRepeatedUpdates_noFailedCall_noLostUpdate_selfCallsPass()
      throws Exception {
    int threads = 4;
    AtomicLong expected = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> callers = new ArrayList<>();
    CountDownLatch stop = new CountDownLatch(1);
    for (int t = 0; t < threads; t++) {
      Thread caller = new Thread(() -> {
        long i = 0;
        while (stop.getCount() > 0 && failure.get() == null) {
          try {
            if (++i % 8 == 0) {
              tally.addTwiceThroughHandle("k"); // re-enters through its own handle
              expected.addAndGet(2);
            } else {
              tally.add("k", 1);
              expected.incrementAndGet();
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        }
      }, "caller-" + t);
      callers.add(caller);
      caller.start();
    }
    int updates = 20;
    try {
      for (int n = 0; n < updates; n++) {
        boolean upgrade = n % 2 == 0;
        UnitUpdate u = upgrade ? update(v2, "1", "2", true) : update(v1, "2", "1", false);
        u.run();
        u.retire(new ArrayList<>());
      }
    } finally {
      stop.countDown();
      for (Thread caller : callers) {
        caller.join(10_000);
      }
    }

    assertThat(failure.get()).isNull();
    assertThat(tally.get("k")).isEqualTo(expected.get());
    assertThat(tally.version()).isEqualTo("v1:1");
  }

  private void assertRefusedAndOldServes(UnitUpdate up, String message) throws Exception {
    UnitLoader boot = services.classes().orElseThrow().unit(TallyJars.UNIT).orElseThrow();
    Object before = services.find(Tally.class).orElseThrow().target();

    assertThatThrownBy(up::run).isInstanceOf(UpdateException.class)
        .hasMessageContaining("the old version serves again with its state")
        .hasMessageContaining(message);

    assertThat(services.find(Tally.class).orElseThrow().target()).isSameAs(before);
    assertThat(tally.version()).isEqualTo("v1:1");
    assertThat(tally.get("a")).isEqualTo(3);
    assertThat(tally.add("a", 1)).isEqualTo(4);
    assertThat(Tally.EVENTS).containsExactly("v1 deactivate", "v1 activate", "v2 dispose");
    assertThat(services.classes().orElseThrow().unit(TallyJars.UNIT)).containsSame(boot);
  }

  private UnitUpdate update(Path jar, String from, String to, boolean upgrade) {
    return new UnitUpdate(services, request(jar, from, to, upgrade, BUDGET));
  }

  private static UnitUpdate.Request request(Path jar, String from, String to, boolean upgrade,
      Duration budget) {
    return new UnitUpdate.Request(TallyJars.SERVICE, TallyJars.UNIT,
        Optional.of(TallyJars.MIGRATION), List.of(TallyJars.url(jar)), from, to, upgrade, DRAIN,
        budget);
  }
}
