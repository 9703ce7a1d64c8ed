export default function OverviewPage() {
  return <main><h1>signalboard</h1></main>;
}
