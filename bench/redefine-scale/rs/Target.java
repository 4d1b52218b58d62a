package rs;
public class Target { public int f(int x) { return x + 1; } }
