package dev.molt.services.app;

import dev.molt.api.ApplicationContext;
import dev.molt.api.ServiceContext;

/** What one implementation is constructed with: its app, its code's version, the app's services. */
record ImplementationContext(ApplicationContext application, String version, AppServices services)
    implements ServiceContext {

  @Override
  public <R> R resource(Class<R> type) {
    return services.resource(type);
  }

  @Override
  public <T> T service(Class<T> contract) {
    return services.handle(contract);
  }
}
