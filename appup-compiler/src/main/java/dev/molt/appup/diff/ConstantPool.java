package dev.molt.appup.diff;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The UTF-8 entries of a class file's constant pool, read without parsing the rest. Every
 * symbolic reference a class makes (class names, descriptors, signatures, string constants) is
 * one of them, so a class whose pool does not mention a package cannot refer to it: this is the
 * cheap test before a full parse, and the safety net after it.
 */
final class ConstantPool {
  private static final int UTF8 = 1;

  private ConstantPool() {}

  /** The UTF-8 constants of {@code classFile}; throws on a truncated or unknown pool. */
  static List<String> utf8(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    in.skipNBytes(8); // magic, minor and major version
    int count = in.readUnsignedShort();
    List<String> out = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case UTF8 -> out.add(in.readUTF());
        case 3, 4 -> in.skipNBytes(4); // Integer, Float
        case 5, 6 -> { // Long, Double take two slots
          in.skipNBytes(8);
          i++;
        }
        case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // Class, String, MethodType, Module, Package
        case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // refs, NameAndType, (Invoke)Dynamic
        case 15 -> in.skipNBytes(3); // MethodHandle
        default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
      }
    }
    return out;
  }
}
