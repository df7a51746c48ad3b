"""browser.py - headless Chromium driven by Selenium, for the page's tests (test_html.py) and bench/page.py.

Selenium reaches chromedriver, and chromedriver Chromium, at "localhost", which a minimal root without /etc/hosts
(scripts/fresh-check's) cannot resolve: the driver is reached at 127.0.0.1, and Chromium through a pipe. Exits 77
(skipped) without python3-selenium or chromium-driver."""
import os, sys

CHROMEDRIVER = "/usr/bin/chromedriver"


def browser(size="1400,900"):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common import utils
    except ImportError:
        print("skipped: python3-selenium is not installed")
        sys.exit(77)
    if not os.path.exists(CHROMEDRIVER):
        print("skipped: chromium-driver is not installed")
        sys.exit(77)

    class LoopbackService(Service):
        @property
        def service_url(self):
            return f"http://127.0.0.1:{self.port}"

        def is_connectable(self):
            return utils.is_connectable(self.port, "127.0.0.1")

    o = webdriver.ChromeOptions()
    # the pipe, not a port on "localhost", between chromedriver and Chromium
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--remote-debugging-pipe",
              f"--window-size={size}"]:
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=LoopbackService(CHROMEDRIVER), options=o)
