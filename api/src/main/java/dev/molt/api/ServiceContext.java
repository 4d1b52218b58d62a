package dev.molt.api;

/**
 * What a service implementation receives in its constructor ({@code public Impl(ServiceContext)}):
 * the application it belongs to, the version its code came from, the resources the application
 * lends, and handles to other services.
 *
 * <p>An implementation may keep this object in a field for its whole life. Immutable apart from
 * the resources and services published later; thread-safe; no parameter may be null and no
 * method returns null.
 */
public interface ServiceContext {

  /** The application that published the service. */
  ApplicationContext application();

  /**
   * The version of the application whose jar the implementation's class came from. After an
   * {@code update} the new implementation sees the new version here, while the old one (until it
   * is disposed) still sees its own.
   */
  String version();

  /**
   * The resource the application {@linkplain Services#provide provided} under {@code type}: the
   * same object for every version of the implementation. Borrowed: never close it, never put it
   * in exported state.
   *
   * @throws IllegalArgumentException when no resource of {@code type} is provided, naming it
   */
  <R> R resource(Class<R> type);

  /**
   * A service of this application or of one it depends on, as {@link Services#handle}: always
   * the handle, never an implementation, so that it follows upgrades. Use it for calls to
   * yourself too; nested calls through your own handle pass a suspended gate. Your own contract
   * is published only once your constructor returned: ask for it later (keep this context), not
   * in the constructor.
   *
   * @throws IllegalArgumentException when no such service is published, naming the contract
   */
  <T> T service(Class<T> contract);
}
