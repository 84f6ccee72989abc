// Makes the reader page a pym.js child: when pym.js on a host page embeds it in an
// iframe, it adds ?childId=… to the URL and resizes the iframe to the heights we post.
// Messages use pym's string format: pymxPYMx<childId>xPYMx<type>xPYMx<message>.

export function startPymChild() {
  const childId = new URLSearchParams(location.search).get('childId');
  if (!childId || window.parent === window) return;
  document.documentElement.classList.add('cc-embedded');

  let lastHeight = 0;
  const sendHeight = () => {
    // The <html> box is as tall as its content (never stretched to the iframe), so it
    // shrinks as well as grows with the result.
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    window.parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${height}`, '*');
  };
  new ResizeObserver(sendHeight).observe(document.documentElement);
  window.addEventListener('load', sendHeight);
  sendHeight();
}
