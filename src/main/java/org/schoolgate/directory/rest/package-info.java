/** REST resources for schools, calendars, pupils and guardians. */
package org.schoolgate.directory.rest;
