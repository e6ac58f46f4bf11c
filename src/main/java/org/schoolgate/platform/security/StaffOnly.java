package org.schoolgate.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A screen for staff. With roles given, only staff holding one of them (at any school) may open
 * it; application services still check the school and pupil for every record shown.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StaffOnly {
  StaffRole[] value() default {};
}
