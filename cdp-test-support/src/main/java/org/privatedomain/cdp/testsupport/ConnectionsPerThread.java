package org.privatedomain.cdp.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the database connections one thread holds at once. Work that holds a connection while it takes a second
 * one (a transaction of its own inside another) can take the whole pool when as many requests as the pool has
 * connections each hold one and wait for another; tests import this to show that some work never does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ConnectionsPerThread implements BeanPostProcessor {

    private final ThreadLocal<Integer> held = ThreadLocal.withInitial(() -> 0);
    private volatile Thread watched;
    private volatile int mostHeld;

    /** Starts counting the calling thread's connections afresh. */
    public void watchThisThread() {
        watched = Thread.currentThread();
        mostHeld = held.get();
    }

    /** The most connections the watched thread held at once since it was watched. */
    public int mostHeld() {
        return mostHeld;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof DataSource dataSource)) {
            return bean;
        }
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                return counted(super.getConnection());
            }
        };
    }

    private Connection counted(Connection connection) {
        held.set(held.get() + 1);
        if (Thread.currentThread() == watched) {
            mostHeld = Math.max(mostHeld, held.get());
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && !connection.isClosed()) {
                        held.set(held.get() - 1);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
