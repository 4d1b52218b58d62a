package rs;
import java.lang.instrument.Instrumentation;
public class Agent { public static Instrumentation inst; public static void premain(String a, Instrumentation i) { inst = i; } }
