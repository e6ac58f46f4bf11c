/** Letters and documents as the rest of Schoolgate uses them: the renderer the application runs with. */
package org.schoolgate.documents.application;
