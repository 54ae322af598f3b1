package org.lscb.server.it.browser;

import org.openqa.selenium.By;

/** "Change your profile": the reviewer's name, summary, expertise, skills, regions and availability. */
public final class EditProfilePage extends FormPage {

    public EditProfilePage(Browser browser) {
        super(browser);
    }

    public static EditProfilePage open(Browser browser) {
        browser.go("/profile/edit");
        return new EditProfilePage(browser);
    }

    public EditProfilePage name(String name) {
        type("displayName", name);
        return this;
    }

    public EditProfilePage summary(String summary) {
        type("summary", summary);
        return this;
    }

    /** Ticks a region (by its code, such as NORTH_EAST) when it is not ticked already. */
    public EditProfilePage tickRegion(String region) {
        var box = browser.find(By.cssSelector("input[name='regions'][value='" + region + "']"));
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    public EditProfilePage available(boolean yes) {
        choose("available", yes ? "yes" : "no");
        return this;
    }
}
