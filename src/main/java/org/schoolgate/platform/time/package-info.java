/** Time: the injected application clock in the schools' zone. */
package org.schoolgate.platform.time;
