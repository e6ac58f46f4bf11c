/** Exceptions that every feature uses to say "bad input", "not found" and "not allowed". */
package org.schoolgate.platform.validation;
