/** Printable documents: letters (and later support plans and contracts) as PDF. */
package org.schoolgate.documents;
