/** Sign-in for staff and parents, API sessions and staff account administration. */
package org.schoolgate.identity.application;
