/** Health checks reported at /health for monitoring. */
package org.schoolgate.platform.health;
