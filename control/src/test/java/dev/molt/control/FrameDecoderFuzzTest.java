package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated frames through the decoder and every payload decoder: each case must decode
 * or fail with the decoder's own ProtocolException; anything else (or a hang, or an OOM) fails.
 */
class FrameDecoderFuzzTest {
  private static final int CASES = 20_000;
  private static final int LIMIT = 64 * 1024;

  @Test
  void decode_randomAndMutatedFrames_onlyEverThrowsProtocolExceptions() {
    int[] outcomes = new int[2];
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Random random = new Random(0x6D6F6C74L);
      List<byte[]> seeds = seeds();
      for (int i = 0; i < CASES; i++) {
        byte[] input = i % 3 == 0 ? randomBytes(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
        outcomes[decodeAll(input) ? 0 : 1]++;
      }
    });
    // Both branches must be exercised, or the fuzzer is not testing anything.
    assertThat(outcomes[0]).isPositive();
    assertThat(outcomes[1]).isPositive();
  }

  /** True if every frame in the input decoded; false if the decoder rejected it. */
  private static boolean decodeAll(byte[] input) throws Exception {
    FrameReader reader = new FrameReader(new ByteArrayInputStream(input));
    try {
      for (int frames = 0; frames < 100; frames++) {
        Optional<Frame> frame = reader.read(LIMIT);
        if (frame.isEmpty()) {
          return true;
        }
        decodePayload(frame.get());
      }
      return true;
    } catch (ProtocolException expected) {
      return false;
    }
  }

  private static void decodePayload(Frame frame) throws ProtocolException {
    switch (frame.type()) {
      case HELLO: case CHALLENGE: case AUTH: Messages.fixed(frame); break;
      case OK: Messages.welcome(frame); break;
      case REQUEST: case STREAM_OPEN: Messages.request(frame); break;
      case RESPONSE: Messages.response(frame); break;
      case ERROR: Messages.error(frame); break;
      case STREAM_DATA: Messages.chunk(frame); break;
      default: break;
    }
  }

  private static List<byte[]> seeds() {
    Request request = new Request("rpc", List.of("A.b", "x"), Optional.of("in"));
    return List.of(
        FrameWriter.encode(Protocol.VERSION, FrameType.HELLO.code, new byte[32]),
        FrameWriter.encode(Protocol.VERSION, FrameType.OK.code, Messages.welcome(new byte[32], LIMIT).payload()),
        FrameWriter.encode(Protocol.VERSION, FrameType.REQUEST.code, Messages.request(FrameType.REQUEST, request).payload()),
        FrameWriter.encode(Protocol.VERSION, FrameType.RESPONSE.code,
            Messages.response(Response.thrown(new IllegalStateException("x", new Error()))).payload()),
        FrameWriter.encode(Protocol.VERSION, FrameType.ERROR.code, Messages.error(ErrorCode.BUSY, "busy").payload()),
        FrameWriter.encode(Protocol.VERSION, FrameType.STREAM_DATA.code, Messages.chunk(0, new byte[] {1, 2}, 0, 2).payload()));
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(64)];
    random.nextBytes(bytes);
    if (bytes.length > 5 && random.nextBoolean()) {
      bytes[4] = 1; // a valid version gets the fuzzer past the header more often
    }
    return bytes;
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] bytes = seed.clone();
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations; m++) {
      int kind = random.nextInt(4);
      if (kind == 0 && bytes.length > 0) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      } else if (kind == 1 && bytes.length > 0) {
        bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      } else if (kind == 2) {
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(8));
        for (int j = bytes.length; j < longer.length; j++) {
          longer[j] = (byte) random.nextInt(256);
        }
        bytes = longer;
      } else if (bytes.length > 10) {
        bytes[6 + random.nextInt(4)] = (byte) (random.nextBoolean() ? 0x7F : 0xFF); // forge a length field
      }
    }
    return bytes;
  }
}
