package dev.wasmbuild.maven;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.site.FeatureListing;
import dev.wasmbuild.core.site.SitePlan;
import org.apache.maven.plugins.annotations.Mojo;

/** Prints the feature catalogue for a target and CPython version, with each feature's state under the given switches. */
@Mojo(name = "features", threadSafe = true, requiresProject = false)
public class FeaturesMojo extends AbstractSiteMojo {

    @Override
    protected void run() throws ConfigurationException {
        target();
        SitePlan plan = siteGenerator().plan(siteRequest(sourceDirectoryOrNull()));
        for (String line : FeatureListing.lines(plan)) {
            info(line);
        }
    }
}
