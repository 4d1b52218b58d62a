package dev.molt.appup;

import static dev.molt.appup.testkit.ReleaseGen.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.appup.plan.AppPlan;
import dev.molt.appup.plan.Gate;
import dev.molt.appup.plan.Note;
import dev.molt.appup.plan.Plan;
import dev.molt.appup.plan.Risk;
import dev.molt.appup.testkit.JarGen;
import dev.molt.appup.testkit.Javac;
import dev.molt.format.Instruction;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The unit rules of {@code update} (docs/appup.md, "Services and state migration"), each on an app
 * compiled from source: a contract {@code a.Counter}, a caller {@code a.Handler} holding it, the
 * entry class {@code a.Main} publishing {@code a.svc.CounterService} with a lent {@code a.Store},
 * and version 2 changing the unit {@code a.svc} (per-path counts and a migration).
 */
class ServiceUnitsTest {
  static final String SERVICE = "a.svc.CounterService";
  static final String MIGRATION = "a.svc.CounterServiceMigration";
  static final Instruction.Update UPDATE =
      new Instruction.Update(SERVICE, "a.svc", Optional.of(MIGRATION));

  @TempDir Path dir;

  static Map<String, String> v1() {
    Map<String, String> s = new HashMap<>();
    s.put("a.Main", """
        package a;
        import dev.molt.api.Services;
        public final class Main {
          public static Counter start(Services services, Store store) {
            services.provide(Store.class, store);
            return services.publish(Counter.class, a.svc.CounterService.class);
          }
        }""");
    s.put("a.Counter", """
        package a;
        public interface Counter {
          void hit(String path);
          long total();
          Report report();
        }""");
    s.put("a.Report", "package a; public record Report(long total) {}");
    s.put("a.Store", "package a; public class Store { public int size() { return 0; } }");
    s.put("a.Handler", """
        package a;
        final class Handler {
          private final Counter counter;
          Handler(Counter counter) { this.counter = counter; }
          long handle(String path) { counter.hit(path); return counter.total(); }
        }""");
    s.put(SERVICE, service("private long total;", "total++;", "total", "java.util.Map.of(\"total\", total)"));
    return s;
  }

  static Map<String, String> v2() {
    Map<String, String> s = v1();
    s.put(SERVICE, service("private final java.util.Map<String, Long> perPath = new java.util.TreeMap<>();",
        "perPath.merge(path, 1L, Long::sum);", "perPath.values().stream().mapToLong(n -> n).sum()",
        "java.util.Map.of(\"perPath\", new java.util.TreeMap<>(perPath))"));
    s.put(MIGRATION, """
        package a.svc;
        public final class CounterServiceMigration implements dev.molt.api.StateMigration {
          public java.util.Map<String, Object> up(String from, java.util.Map<String, Object> s) { return s; }
          public java.util.Map<String, Object> down(String to, java.util.Map<String, Object> s) { return s; }
        }""");
    return s;
  }

  static String service(String field, String hit, String total, String export) {
    return """
        package a.svc;
        import a.Report;
        import a.Store;
        import dev.molt.api.ServiceContext;
        public final class CounterService implements a.Counter, dev.molt.api.StatefulService {
          private final Store store;
          %s
          public CounterService(ServiceContext context) { store = context.resource(Store.class); }
          public void hit(String path) { %s }
          public long total() { return %s + store.size(); }
          public Report report() { return new Report(total()); }
          public java.util.Map<String, Object> exportState() { return %s; }
          public void importState(java.util.Map<String, Object> state) {}
        }""".formatted(field, hit, total, export);
  }

  Plan plan(Map<String, String> older, Map<String, String> newer) throws Exception {
    return plan(older, newer, UnaryOperator.identity());
  }

  /** Plans web 1.0.0 -> 2.0.0; {@code patch} may rewrite the compiled class files of both. */
  Plan plan(Map<String, String> older, Map<String, String> newer,
      UnaryOperator<Map<String, byte[]>> patch) throws Exception {
    Path v1 = release("r", "1.0.0").app("web", "1.0.0",
        JarGen.jar().entries(patch.apply(Javac.compile(older))), "a.Main").write(dir.resolve("1"));
    Path v2 = release("r", "2.0.0").app("web", "2.0.0",
        JarGen.jar().entries(patch.apply(Javac.compile(newer))), "a.Main").write(dir.resolve("2"));
    return AppupCompiler.plan(PlanRequest.of(List.of(v1), v2));
  }

  static AppPlan web(Plan plan) {
    return plan.paths().get(0).app("web").orElseThrow();
  }

  static List<String> messages(Plan plan) {
    return web(plan).notes().stream().map(Note::message).toList();
  }

  static void assertRestartsBecause(Plan plan, String reason) {
    assertThat(web(plan).up()).containsExactly(new Instruction.RestartApplication(),
        new Instruction.Purge());
    assertThat(messages(plan)).anyMatch(m -> m.startsWith("cannot update unit a.svc: ") && m.contains(reason));
  }

  @Test
  void plan_unitRulesHold_updatesTheUnitWithItsMigration_definesNothing() throws Exception {
    Plan plan = plan(v1(), v2());

    assertThat(web(plan).up()).containsExactly(UPDATE, new Instruction.Purge());
    assertThat(web(plan).down()).containsExactly(UPDATE, new Instruction.Purge());
    assertThat(messages(plan)).contains("unit a.svc changed (CounterService structural, "
        + "CounterServiceMigration added): update CounterService with state migration "
        + "CounterServiceMigration");
    assertThat(web(plan).risk()).isEqualTo(Risk.MEDIUM);
    assertThat(AppupCompiler.describe(plan))
        .contains("update web CounterService (unit a.svc, migration CounterServiceMigration)");
  }

  @Test
  void plan_bodyOnlyChangeInTheUnit_redefinesIt() throws Exception {
    Map<String, String> newer = v1();
    newer.put(SERVICE, newer.get(SERVICE).replace("total++;", "total += 2;"));

    assertThat(web(plan(v1(), newer)).up())
        .containsExactly(new Instruction.Redefine(List.of(SERVICE)));
  }

  @Test
  void plan_contractChangedStructurally_restartsTheApp() throws Exception {
    Map<String, String> newer = v2();
    newer.put("a.Counter", newer.get("a.Counter").replace("void hit(String path);",
        "void hit(String path);\n  default long perPath(String path) { return 0; }"));

    assertRestartsBecause(plan(v1(), newer), "contract Counter changed structurally (method "
        + "perPath(Ljava/lang/String;)J added); its callers were linked against the old one");
  }

  @Test
  void plan_typeCrossingTheContractChangedStructurally_restartsTheApp() throws Exception {
    Map<String, String> newer = v2();
    newer.put("a.Report", "package a; public record Report(long total, int paths) {"
        + " public Report(long total) { this(total, 0); } }");

    assertRestartsBecause(plan(v1(), newer), "type Report crossing contract a.Counter changed "
        + "structurally");
  }

  @Test
  void plan_typeCrossingTheContractIsInTheUnit_restartsTheApp() throws Exception {
    Map<String, String> older = v1();
    older.put("a.Counter", older.get("a.Counter").replace("Report report();",
        "Report report();\n  a.svc.Detail detail();"));
    older.put("a.svc.Detail", "package a.svc; public final class Detail {}");
    older.put(SERVICE, older.get(SERVICE).replace("public long total()",
        "public Detail detail() { return new Detail(); }\n  public long total()"));
    Map<String, String> newer = v2();
    newer.put("a.Counter", older.get("a.Counter"));
    newer.put("a.svc.Detail", older.get("a.svc.Detail"));
    newer.put(SERVICE, newer.get(SERVICE).replace("public long total()",
        "public Detail detail() { return new Detail(); }\n  public long total()"));

    assertRestartsBecause(plan(older, newer),
        "type a.svc.Detail crosses contract a.Counter but is in unit a.svc");
  }

  @Test
  void plan_aCallerNamesTheImplementationInTheNewVersion_restartsTheApp() throws Exception {
    Map<String, String> newer = v2();
    newer.put("a.Handler", newer.get("a.Handler").replace("counter.hit(path);",
        "counter.hit(path); if (counter instanceof a.svc.CounterService) { return -1; }"));

    assertRestartsBecause(plan(v1(), newer), "name its classes other than as the class literal "
        + "given to Services.publish, so they would link to the old ones: Handler -> "
        + "CounterService; callers must hold the contract a.Counter");
  }

  @Test
  void plan_aCallerNamedTheImplementationInTheOldVersion_restartsTheApp() throws Exception {
    Map<String, String> older = v1();
    older.put("a.Handler", older.get("a.Handler").replace("counter.hit(path);",
        "counter.hit(path); if (counter instanceof a.svc.CounterService) { return -1; }"));

    Plan plan = plan(older, v2());

    assertRestartsBecause(plan, "Handler -> CounterService");
    assertThat(messages(plan)).noneMatch(m -> m.contains("structural change in Handler"));
  }

  @Test
  void plan_aClassNameInAString_countsAsAReference() throws Exception {
    Map<String, String> newer = v2();
    newer.put("a.Handler", newer.get("a.Handler").replace("counter.hit(path);",
        "counter.hit(path); if (path.equals(\"a.svc.CounterService\")) { return -1; }"));

    assertRestartsBecause(plan(v1(), newer), "Handler -> CounterService");
  }

  @Test
  void plan_aDependentAppNamesAUnitClass_restartsTheApp() throws Exception {
    Map<String, String> older = v1();
    older.put("b.Admin", "package b; public final class Admin {"
        + " public static boolean isService(Object o) { return o instanceof a.svc.CounterService; } }");
    Map<String, String> newer = v2();
    newer.put("b.Admin", older.get("b.Admin"));
    Path v1 = release("r", "1.0.0").app("web", "1.0.0", jar(older, "a/"), "a.Main")
        .app("admin", "1.0.0", jar(older, "b/"), "b.Admin", "web").write(dir.resolve("1"));
    Path v2 = release("r", "2.0.0").app("web", "2.0.0", jar(newer, "a/"), "a.Main")
        .app("admin", "1.0.0", jar(newer, "b/"), "b.Admin", "web").write(dir.resolve("2"));

    assertRestartsBecause(AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)),
        "b.Admin -> CounterService");
  }

  static JarGen jar(Map<String, String> sources, String prefix) {
    Map<String, byte[]> classes = new HashMap<>(Javac.compile(sources));
    classes.keySet().removeIf(k -> !k.startsWith(prefix));
    return JarGen.jar().entries(classes);
  }

  @Test
  void plan_unitUsesANonPublicMemberOfAnotherPackage_restartsTheApp() throws Exception {
    // javac refuses such an access: the unit's loader would refuse it too (IllegalAccessError)
    Plan plan = plan(v1(), v2(), classes -> {
      Map<String, byte[]> out = new HashMap<>(classes);
      out.put("a/Store.class", packagePrivate(classes.get("a/Store.class"), "size"));
      return out;
    });

    assertRestartsBecause(plan, "unit a.svc uses what is not public in other packages, which its "
        + "own loader cannot reach: CounterService.total uses Store.size (package-private)");
  }

  static byte[] packagePrivate(byte[] classFile, String method) {
    ClassWriter out = new ClassWriter(0);
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, out) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String signature,
          String[] exceptions) {
        int flags = name.equals(method) ? access & ~Opcodes.ACC_PUBLIC : access;
        return super.visitMethod(flags, name, desc, signature, exceptions);
      }
    }, 0);
    return out.toByteArray();
  }

  @Test
  void plan_newImplementationLacksTheConstructorConvention_restartsTheApp() throws Exception {
    Map<String, String> newer = v2();
    newer.put(SERVICE, newer.get(SERVICE).replace("public CounterService(ServiceContext context)",
        "CounterService(ServiceContext context)"));

    assertRestartsBecause(plan(v1(), newer), "the new CounterService has neither a public "
        + "(ServiceContext) nor a public no-argument constructor, so the kernel cannot construct it");
  }

  @Test
  void plan_implementationRenamed_restartsTheApp() throws Exception {
    Map<String, String> newer = v2();
    newer.put("a.svc.Counters", newer.remove(SERVICE).replace("class CounterService",
        "class Counters").replace("public CounterService(", "public Counters("));
    newer.put("a.svc.CountersMigration", newer.remove(MIGRATION)
        .replace("CounterServiceMigration", "CountersMigration"));
    newer.put("a.Main", newer.get("a.Main").replace("a.svc.CounterService.class", "a.svc.Counters.class"));

    assertRestartsBecause(plan(v1(), newer), "stateful service CounterService is renamed to Counters");
  }

  @Test
  void plan_implementationMovedToAnotherPackage_restartsTheApp() throws Exception {
    Map<String, String> newer = v2();
    newer.put("a.impl.CounterService", newer.remove(SERVICE).replace("package a.svc;", "package a.impl;"));
    newer.remove(MIGRATION);
    newer.put("a.Main", newer.get("a.Main").replace("a.svc.CounterService", "a.impl.CounterService"));

    assertRestartsBecause(plan(v1(), newer), "stateful service svc.CounterService is not in "
        + "unit a.svc of the new version (removed, renamed or moved)");
  }

  @Test
  void plan_serviceInTheEntryPointsPackage_restartsTheApp() throws Exception {
    Map<String, String> older = inMainsPackage(v1());
    Map<String, String> newer = inMainsPackage(v2());

    Plan plan = plan(older, newer);

    assertThat(web(plan).up()).containsExactly(new Instruction.RestartApplication(), new Instruction.Purge());
    assertThat(messages(plan)).anyMatch(m -> m.startsWith("cannot update unit a: unit a holds the "
        + "entry point a.Main of 1.0.0, which the app's loader keeps"));
  }

  static Map<String, String> inMainsPackage(Map<String, String> sources) {
    Map<String, String> out = new HashMap<>();
    sources.forEach((name, text) -> out.put(name.replace("a.svc.", "a."),
        text.replace("package a.svc;", "package a;").replace("a.svc.", "a.")));
    return out;
  }

  @Test
  void plan_contractReturningLazyWork_isAHighRiskNote() throws Exception {
    Map<String, String> older = withPaths(v1());
    Map<String, String> newer = withPaths(v2());

    Plan plan = plan(older, newer);

    assertThat(web(plan).up()).containsExactly(UPDATE, new Instruction.Purge());
    assertThat(web(plan).notes()).anyMatch(n -> n.risk() == Risk.HIGH && n.message().equals(
        "contract a.Counter returns lazy work (paths() returns Stream): calls that outlive a drain "
            + "run after the handle let them go, possibly on the replaced implementation; return "
            + "materialised values"));
    assertThat(web(plan).risk()).isEqualTo(Risk.HIGH);
  }

  static Map<String, String> withPaths(Map<String, String> sources) {
    sources.put("a.Counter", sources.get("a.Counter").replace("Report report();",
        "Report report();\n  java.util.stream.Stream<String> paths();"));
    sources.put(SERVICE, sources.get(SERVICE).replace("public long total()",
        "public java.util.stream.Stream<String> paths() { return java.util.stream.Stream.of(); }\n"
            + "  public long total()"));
    return sources;
  }

  @Test
  void plan_staticFieldsInTheUnit_noteSaysTheyStartFresh() throws Exception {
    Map<String, String> newer = v2();
    newer.put(SERVICE, newer.get(SERVICE).replace("private final Store store;",
        "private static int instances;\n  private static final Object LOCK = new Object();\n"
            + "  private final Store store;"));

    Plan plan = plan(v1(), newer);

    assertThat(web(plan).notes()).anyMatch(n -> n.risk() == Risk.MEDIUM && n.message().equals(
        "unit a.svc is loaded anew: its static fields start fresh, not carried over "
            + "(CounterService.instances (not final), CounterService.LOCK)"));
  }

  @Test
  void plan_noStaticFields_noteSaysSoAtLowRisk() throws Exception {
    assertThat(web(plan(v1(), v2())).notes()).anyMatch(n -> n.risk() == Risk.LOW
        && n.message().equals("unit a.svc is loaded anew: static fields would start fresh (it has "
            + "none besides constants)"));
  }

  @Test
  void plan_stateChangedWithoutMigration_highRiskUpdate_failsOnlyTheUpdateGate() throws Exception {
    Map<String, String> newer = v2();
    newer.remove(MIGRATION);

    Plan plan = plan(v1(), newer);

    assertThat(web(plan).up()).containsExactly(new Instruction.Update(SERVICE, "a.svc",
        Optional.empty()), new Instruction.Purge());
    assertThat(web(plan).risk()).isEqualTo(Risk.HIGH);
    assertThat(messages(plan)).anyMatch(m -> m.contains("update CounterService without migration")
        && m.contains("no migration found for changed state class: fields total dropped"));
    assertThat(plan.violations(Gate.UPDATE)).containsExactly("1.0.0 -> 2.0.0: update web",
        "2.0.0 -> 1.0.0: update web");
    assertThat(plan.violations(Gate.RESTART)).isEmpty();
  }
}
