package dev.molt.upgrade.purge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A named class loader that defines its own copies of test classes, as an old application loader
 * defined the old code: a copy is a different class from the test's, with this loader as its
 * defining loader.
 */
final class OldCode extends ClassLoader {
  OldCode(String name) {
    super(name, OldCode.class.getClassLoader());
  }

  /** A new instance of this loader's copy of {@code type} (public no-argument constructor). */
  Object newInstance(Class<?> type) throws ReflectiveOperationException {
    return copyOf(type).getConstructor().newInstance();
  }

  Class<?> copyOf(Class<?> type) {
    synchronized (getClassLoadingLock(type.getName())) {
      Class<?> loaded = findLoadedClass(type.getName());
      if (loaded != null) {
        return loaded;
      }
      byte[] bytes = bytes(type);
      return defineClass(type.getName(), bytes, 0, bytes.length);
    }
  }

  static byte[] bytes(Class<?> type) {
    String resource = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
