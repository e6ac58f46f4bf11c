/** Screens for the directory: staff start page, pupil search and record, school settings, calendar, parent home. */
package org.schoolgate.directory.ui;
