package com.example.javalin;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class HelloJavalin {
  private static final Logger LOG = LoggerFactory.getLogger(HelloJavalin.class);

  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "7070"));
    Javalin.create()
        .get("/hello", ctx -> ctx.result("Hello from Javalin"))
        .start("127.0.0.1", port);
    LOG.info("hello-javalin serving on port {}", port);
  }
}
