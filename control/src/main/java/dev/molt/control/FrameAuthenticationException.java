package dev.molt.control;

/**
 * A frame after the handshake whose MAC does not verify: it was changed, replayed, reordered,
 * injected by someone who does not know the cookie, or a frame before it was dropped.
 */
public class FrameAuthenticationException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  public FrameAuthenticationException(String message) {
    super(message);
  }
}
