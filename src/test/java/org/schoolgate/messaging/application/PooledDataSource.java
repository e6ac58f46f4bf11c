package org.schoolgate.messaging.application;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A fixed set of open connections handed out again and again, as the application server's pool does. */
final class PooledDataSource implements DataSource, AutoCloseable {

  private final BlockingQueue<Connection> idle;

  PooledDataSource(DataSource source, int size) throws SQLException {
    idle = new ArrayBlockingQueue<>(size);
    for (int i = 0; i < size; i++) {
      idle.add(source.getConnection());
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection real;
    try {
      real = idle.poll(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for a connection", e);
    }
    if (real == null) {
      throw new SQLException("No connection free within 30 s");
    }
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new java.lang.reflect.InvocationHandler() {
              private boolean closed;

              @Override
              public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
                if (method.getName().equals("close")) {
                  if (!closed) {
                    closed = true;
                    if (!real.getAutoCommit()) {
                      real.rollback();
                      real.setAutoCommit(true);
                    }
                    idle.add(real);
                  }
                  return null;
                }
                try {
                  return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              }
            });
  }

  @Override
  public void close() throws SQLException {
    for (Connection c : idle) {
      c.close();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("Not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
