package dev.molt.kernel.node;

import java.util.Objects;

/**
 * What went wrong with one app: its name and version and the exception its code (or the kernel)
 * threw. Used for stop failures, which are collected so that every app is still stopped, and for a
 * {@code main} method that ends with an exception.
 */
public record AppFailure(String app, String version, Throwable error) {
  public AppFailure {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(error, "error");
  }
}
