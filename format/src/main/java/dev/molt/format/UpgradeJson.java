package dev.molt.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.molt.format.Fields.InvalidField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps {@link Appup} and {@link Relup} to and from their JSON trees. */
final class UpgradeJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private UpgradeJson() {}

  static Appup readAppup(JsonValue root) throws InvalidField {
    Fields top = new Fields(root, "");
    top.allowOnly("schema", "app", "from", "to", "up", "down");
    requireSchema(top, Appup.SCHEMA);
    String app = top.string("app");
    String from = top.string("from");
    String to = top.string("to");
    List<Instruction> up = instructions(top.objects("up"), false);
    List<Instruction> down = instructions(top.objects("down"), false);
    return top.build(f -> new Appup(app, from, to, up, down));
  }

  static Relup readRelup(JsonValue root) throws InvalidField {
    Fields top = new Fields(root, "");
    top.allowOnly("schema", "release", "version", "up", "down");
    requireSchema(top, Relup.SCHEMA);
    String release = top.string("release");
    String version = top.string("version");
    List<RelupPlan> up = plans(top.objects("up"), "from");
    List<RelupPlan> down = plans(top.objects("down"), "to");
    return top.build(f -> new Relup(release, version, up, down));
  }

  private static void requireSchema(Fields top, int expected) throws InvalidField {
    int schema = top.integer("schema");
    if (schema != expected) {
      throw new InvalidField("schema", "is " + schema + ", this Molt reads schema " + expected);
    }
  }

  private static List<RelupPlan> plans(List<Fields> list, String versionField) throws InvalidField {
    List<RelupPlan> plans = new ArrayList<>();
    for (Fields p : list) {
      p.allowOnly(versionField, "steps");
      String version = p.string(versionField);
      List<RelupStep> steps = new ArrayList<>();
      for (Fields s : p.objects("steps")) {
        Optional<String> app = s.optionalString("app");
        Instruction instruction = instruction(s, true);
        steps.add(s.build(f -> new RelupStep(app, instruction)));
      }
      plans.add(p.build(f -> new RelupPlan(version, steps)));
    }
    return plans;
  }

  private static List<Instruction> instructions(List<Fields> list, boolean inRelup)
      throws InvalidField {
    List<Instruction> out = new ArrayList<>();
    for (Fields f : list) {
      out.add(instruction(f, inRelup));
    }
    return out;
  }

  private static Instruction instruction(Fields f, boolean inRelup) throws InvalidField {
    String op = f.string("op");
    switch (op) {
      case "redefine", "define" -> {
        allow(f, inRelup, "classes");
        List<String> classes = f.strings("classes");
        return f.build(x -> op.equals("define")
            ? new Instruction.Define(classes) : new Instruction.Redefine(classes));
      }
      case "update" -> {
        allow(f, inRelup, "service", "unit", "migration");
        String service = f.string("service");
        Optional<String> unit = f.optionalString("unit");
        Optional<String> migration = f.optionalString("migration");
        return f.build(x -> new Instruction.Update(service,
            unit.orElse(Instruction.Update.packageOf(service)), migration));
      }
      case "apply" -> {
        allow(f, inRelup, "class", "method");
        String cls = f.string("class");
        String method = f.string("method");
        return f.build(x -> new Instruction.Apply(cls, method));
      }
      case "restart_jvm" -> {
        allow(f, false, "reason");
        String reason = f.optionalString("reason").orElse("");
        return new Instruction.RestartJvm(reason);
      }
      case "point_of_no_return" -> {
        allow(f, false);
        return new Instruction.PointOfNoReturn();
      }
      default -> {
        allow(f, inRelup);
        return simple(op, f);
      }
    }
  }

  private static void allow(Fields f, boolean withApp, String... extra) throws InvalidField {
    List<String> names = new ArrayList<>(List.of(extra));
    names.add("op");
    if (withApp) {
      names.add("app");
    }
    f.allowOnly(names.toArray(String[]::new));
  }

  private static Instruction simple(String op, Fields f) throws InvalidField {
    return switch (op) {
      case "restart_application" -> new Instruction.RestartApplication();
      case "add_application" -> new Instruction.AddApplication();
      case "remove_application" -> new Instruction.RemoveApplication();
      case "purge" -> new Instruction.Purge();
      default -> throw new InvalidField(f.path() + ".op", "is \"" + op + "\", not one of redefine, "
          + "define, update, restart_application, add_application, remove_application, apply, "
          + "purge, restart_jvm, point_of_no_return");
    };
  }

  static ObjectNode write(Appup appup) {
    ObjectNode root = F.objectNode();
    root.put("schema", Appup.SCHEMA);
    root.put("app", appup.app());
    root.put("from", appup.from());
    root.put("to", appup.to());
    ArrayNode up = root.putArray("up");
    appup.up().forEach(i -> write(up.addObject(), Optional.empty(), i));
    ArrayNode down = root.putArray("down");
    appup.down().forEach(i -> write(down.addObject(), Optional.empty(), i));
    return root;
  }

  static ObjectNode write(Relup relup) {
    ObjectNode root = F.objectNode();
    root.put("schema", Relup.SCHEMA);
    root.put("release", relup.release());
    root.put("version", relup.version());
    writePlans(root.putArray("up"), relup.up(), "from");
    writePlans(root.putArray("down"), relup.down(), "to");
    return root;
  }

  private static void writePlans(ArrayNode array, List<RelupPlan> plans, String versionField) {
    for (RelupPlan plan : plans) {
      ObjectNode p = array.addObject();
      p.put(versionField, plan.version());
      ArrayNode steps = p.putArray("steps");
      plan.steps().forEach(s -> write(steps.addObject(), s.app(), s.instruction()));
    }
  }

  private static void write(ObjectNode node, Optional<String> app, Instruction i) {
    node.put("op", i.op());
    app.ifPresent(a -> node.put("app", a));
    if (i instanceof Instruction.Redefine r) {
      strings(node.putArray("classes"), r.classes());
    } else if (i instanceof Instruction.Define d) {
      strings(node.putArray("classes"), d.classes());
    } else if (i instanceof Instruction.Update u) {
      node.put("service", u.service());
      node.put("unit", u.unit());
      u.migration().ifPresent(m -> node.put("migration", m));
    } else if (i instanceof Instruction.Apply a) {
      node.put("class", a.className());
      node.put("method", a.method());
    } else if (i instanceof Instruction.RestartJvm r) {
      node.put("reason", r.reason());
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

}
