"""Linux desktop integration, in user scope: a desktop entry (menus, launchers, "Open with" for article
files), the icon in every size and the AppStream metainfo, installed into ``$XDG_DATA_HOME`` and removed
again by ``fact-review install-desktop [--uninstall]``. Plain files: no Qt here."""
