/** The REST application under /api/v1 and the mapping of exceptions to error responses. */
package org.schoolgate.platform.rest;
