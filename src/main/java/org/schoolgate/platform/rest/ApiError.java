package org.schoolgate.platform.rest;

/** The body of every error response: a code, the field it concerns (if any) and a readable message. */
public record ApiError(String error, String field, String message) {}
