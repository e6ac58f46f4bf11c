package org.schoolgate.platform.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.theme.Theme;

/** Page-level settings for every Schoolgate screen: theme, viewport for phones, app name. */
@Theme("schoolgate")
@Viewport("width=device-width, initial-scale=1")
@Meta(name = "description", content = "Schoolgate: school attendance for families and staff")
public class AppShell implements AppShellConfigurator {}
