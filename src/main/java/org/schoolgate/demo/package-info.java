/**
 * The demo trust: a generated trust of a primary school and a secondary academy with their pupils,
 * families, staff sign-ins, calendar and registers to yesterday, loaded on the first start of the demo.
 */
package org.schoolgate.demo;
