package org.casetrail.platform.axon;

import com.mongodb.client.MongoDatabase;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The service's MongoTemplate, with one addition for the blue/green rebuild: on a thread that is
 * handling events for a processor being rebuilt (see {@link ReadModelRebuild}), every collection the
 * handler names is the processor's shadow collection instead ({@code case_details} becomes
 * {@code case_details__rebuild}). Queries, on other threads, keep reading the live collections.
 */
public class ReadModelRebuildMongoTemplate extends MongoTemplate {

    private final ReadModelRebuildShadows shadows;

    public ReadModelRebuildMongoTemplate(MongoDatabaseFactory factory, MongoConverter converter, ReadModelRebuildShadows shadows) {
        super(factory, converter);
        this.shadows = shadows;
    }

    @Override
    protected MongoDatabase doGetDatabase() {
        MongoDatabase database = super.doGetDatabase();
        String processor = ReadModelRebuildShadows.current();
        return processor == null ? database : shadowed(database, processor);
    }

    private MongoDatabase shadowed(MongoDatabase database, String processor) {
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[]{MongoDatabase.class}, (proxy, method, args) -> {
                    Object[] routed = args;
                    if (args != null && args.length > 0 && args[0] instanceof String name
                            && (method.getName().equals("getCollection") || method.getName().equals("createCollection"))) {
                        routed = args.clone();
                        routed[0] = shadows.shadowOf(processor, name);
                    }
                    try {
                        return method.invoke(database, routed);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
