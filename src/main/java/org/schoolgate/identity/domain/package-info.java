/** Identity rules: staff accounts and lockout, password hashing, parents' one-time codes, API sessions. */
package org.schoolgate.identity.domain;
