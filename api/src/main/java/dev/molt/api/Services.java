package dev.molt.api;

/**
 * The services of one application: what it publishes for callers that must survive structural
 * upgrades, the handles it holds to services of its own and of the applications it depends on,
 * and the live resources it lends to its implementations.
 *
 * <p><b>Contracts and handles.</b> A service is a <em>contract</em> (an interface that does not
 * change between versions) and an <em>implementation</em> (a class that may). Callers never name
 * the implementation: they hold the object {@link #publish} or {@link #handle} returns. Inside a
 * node that object is a <em>handle</em>, generated for the contract, that routes every call to the
 * current implementation; an {@code update} swaps the implementation under it without a failed
 * call. Outside a node ({@link #standalone}) it is the implementation itself.
 *
 * <p><b>Rules for service authors.</b>
 *
 * <ul>
 *   <li>The contract is an interface (public or package-private: the handle is defined in its
 *       package, by its class loader), not sealed, in an unnamed module or an open package. The
 *       types that cross it (parameters, results, exceptions) are never the implementation's own
 *       classes: they belong to the contract's side, which is not replaced.
 *   <li>A call holds the service only while it runs: what it returns for later (a {@code
 *       Stream}, an {@code Iterator}, an {@code InputStream}, a {@code Future} the implementation
 *       completes) runs outside the handle and may reach a replaced implementation. Return
 *       materialised values.
 *   <li>The handle suspends a service by letting calls in flight finish and parking new ones; a
 *       call that waits for a caller parked at another suspended service makes the update fail
 *       (after a timeout, with nothing changed). Nested calls through the handle of the service
 *       being suspended always pass.
 *   <li>The implementation has a public constructor taking a {@link ServiceContext}, or a public
 *       no-argument constructor. The kernel constructs it in the same way at boot and at {@code
 *       update}, so every boot exercises the upgrade path.
 *   <li>Never hand out {@code this}: to register a listener or call yourself, pass or use {@code
 *       context.service(MyContract.class)}, which is the handle; a reference to {@code this}
 *       bypasses the handle and outlives an upgrade.
 *   <li>Live objects (a connection pool, an executor, a socket) are {@linkplain #provide provided}
 *       by the application and borrowed by reference through {@link ServiceContext#resource}; they
 *       never travel inside exported state. The application closes them in {@link
 *       Application#stop}; a service never closes what it borrowed.
 * </ul>
 *
 * <p>Null policy: no parameter may be null and no method returns null. Thread-safety: an
 * application calls {@code publish} and {@code provide} from its {@link Application#start}; {@code
 * handle} may be called from any thread at any time. The returned handles are thread-safe as far
 * as the implementation behind them is.
 */
public interface Services {

  /**
   * Constructs {@code implementation} (constructor convention above), activates it when it is a
   * {@link StatefulService}, and publishes it under {@code contract}.
   *
   * @return the handle callers hold; inside a node never the implementation itself
   * @throws IllegalArgumentException when {@code contract} is not an interface, {@code
   *     implementation} does not implement it or follows neither constructor convention, or the
   *     contract is already published by this application
   * @throws IllegalStateException when the constructor or {@code activate()} throws (as cause)
   */
  <T> T publish(Class<T> contract, Class<? extends T> implementation);

  /**
   * The handle of a service published under {@code contract} by this application or by an
   * application it depends on (those start first, so their services exist by then).
   *
   * @throws IllegalArgumentException when no such service is published, naming the contract
   */
  <T> T handle(Class<T> contract);

  /**
   * Lends {@code resource} to this application's implementations under {@code type}: every
   * version of every implementation receives this very object through {@link
   * ServiceContext#resource}. The application keeps ownership and closes it in {@link
   * Application#stop}.
   *
   * @throws IllegalArgumentException when a resource of {@code type} is already provided, or
   *     {@code resource} is not an instance of {@code type}
   */
  <R> void provide(Class<R> type, R resource);

  /**
   * Services without a node, for unit tests and a plain {@code main}: {@link #publish}
   * constructs the implementation directly and returns it (no handle, no gate, no upgrade).
   * Its {@link ServiceContext#application()} is {@code context}.
   */
  static Services standalone(ApplicationContext context) {
    return new StandaloneServices(context);
  }
}
