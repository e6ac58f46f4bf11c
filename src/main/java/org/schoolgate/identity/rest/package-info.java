/** REST authentication: the request filter and the sign-in endpoints. */
package org.schoolgate.identity.rest;
