import React, { useEffect } from 'react';
import { invoke } from '@forge/bridge';

export default function App() {
  useEffect(() => {
    invoke('load', { issueKey: 'ABC-1' });
  }, []);
  return (
    <section>
      <h1>Issue</h1>
      <Widget config={{ clientSecret: "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d" }} /> {/* expect: RMP-FORGE-003 */}
    </section>
  );
}
