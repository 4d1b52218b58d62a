package dev.molt.appup.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of a plan for humans: what changes, which instruction handles it, why, and the risk.
 *
 * @param subject the class concerned, if the note is about one class
 * @param op the instruction's op ({@code redefine}, {@code update}, ...), or {@code none}
 * @param message what and why, e.g. "structural change in BookService: update with state migration"
 */
public record Note(Optional<String> subject, String op, String message, Risk risk) {
  public Note {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(risk, "risk");
  }

  static Note about(String subject, String op, Risk risk, String message) {
    return new Note(Optional.of(subject), op, message, risk);
  }

  static Note app(String op, Risk risk, String message) {
    return new Note(Optional.empty(), op, message, risk);
  }
}
