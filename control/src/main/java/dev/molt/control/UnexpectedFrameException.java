package dev.molt.control;

/** A well-formed frame arrived where the protocol does not allow it (a REQUEST before the handshake). */
public class UnexpectedFrameException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  public UnexpectedFrameException(String message) {
    super(message);
  }
}
