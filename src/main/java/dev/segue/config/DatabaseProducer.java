package dev.segue.config;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** H2 by default, PostgreSQL by configuration alone (see application.properties): exactly one datasource is active. */
@ApplicationScoped
class DatabaseProducer {

    @Produces
    @Singleton
    Database database(@Any InjectableInstance<AgroalDataSource> dataSources) {
        List<AgroalDataSource> active = dataSources.listActive();
        if (active.size() != 1) {
            throw new IllegalStateException("exactly one datasource must be active, found " + active.size()
                    + ": to use PostgreSQL set quarkus.datasource.active=false and"
                    + " quarkus.datasource.postgresql.active=true");
        }
        return new Database(active.get(0));
    }
}
