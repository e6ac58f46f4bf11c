package org.schoolgate.platform.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.schoolgate.platform.persistence.TestDatabases.Engine;

/** Runs a test once on PostgreSQL and once on the demo's H2; the test takes the {@link Engine}. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "on {0}")
@EnumSource(Engine.class)
public @interface OnBothDatabases {}
